/** Numbers as the English pages show them (Intl, en-GB): one or two decimal places, or whole with thousands commas. */
const fixed = (digits: number) => (x: number) => x.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const one = fixed(1);
export const two = fixed(2);
export const whole = (x: number) => x.toLocaleString('en-GB', { maximumFractionDigits: 0 });
