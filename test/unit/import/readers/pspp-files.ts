import zlib from 'node:zlib';

/**
 * Two small system files written by GNU PSPP 1.6.2 (Debian package pspp), kept here gzipped so the SAV reader is
 * checked against files another program wrote, not only against our own idea of the format. Both come from this
 * syntax (the second with SET LOCALE='windows-1252' and /COMPRESSED, the first UTF-8 with /ZCOMPRESSED):
 *
 *   DATA LIST LIST /id (F4.0) sat (F1.0) q1a (F1.0) q1b (F1.0) q1c (F1.0) c1 (F2.0) c2 (F2.0) age (F3.0)
 *     comment (A300) town (A12).
 *   (4 cases; see EXPECTED_ROWS; case 4's comment is LONG_COMMENT in the .zsav and 'Short' in the other)
 *   VARIABLE LABELS sat 'How satisfied are you with the council?' q1a 'Bins' q1b 'Parks' q1c 'Libraries'
 *     c1 'First choice' c2 'Second choice' age 'Age' comment 'Any comments?' town 'Town – where you live'.
 *   VALUE LABELS sat 1 'Very satisfied' 2 'Fairly satisfied' 3 'Neither satisfied nor dissatisfied'
 *     4 'Fairly dissatisfied' 5 'Very dissatisfied' 9 "Don't know"
 *     /q1a q1b q1c 0 'Not selected' 1 'Selected' /c1 c2 1 'Roads' 2 'Schools' 3 'Housing' -9 'Not answered'
 *     /age 99 'Refused'.
 *   MISSING VALUES sat (9) c1 c2 (-9) age (99 THRU HI).
 *   MRSETS /MDGROUP NAME=$services LABEL='Which services have you used?' VARIABLES=q1a q1b q1c VALUE=1
 *          /MCGROUP NAME=$priorities LABEL='Top priorities' VARIABLES=c1 c2.
 *   VARIABLE LEVEL sat (ORDINAL).
 */
export const PSPP_ZSAV_UTF8 = 'H4sICNZtBGsCA3ouenNhdgDtVl9sU1UYv6XtunZlTCUhxqhno8lYQmtvt9Q5vPZ27QqT0uFaNv9AZnt71t6s3FvuvW23B6IhGvEfLyRmD5AYA4lsYEyIr2QuY8YXwRCjaDRICESIARKje2DU7957brmtW3zQF5Kd5Ms55/f9Od/33XvO93li8W52y+YulNydTKJoOBVGscH4ANqe2IOKcrGIaF/QF0BeNNkbHAv2eIuct8ALpUlvTighGOsoivIDqbM6bJQxXmED3SghllEgSAf7eoJ9dA/6j8N0Tm3Y7BoNRnURg28hRFnsGiXDKY3fCdAOsYLktMLL4zzOorSE0ZRYQhVeySMljxEnlgSOL4SQbqmDNdukTDZfosOaTTXmfl6QV5fr1+RgR+1OSxNyg5/1shFN1glQnM9IaYnH8kpxrbNrFKH1uN0AxXhJVhCXF3kOE9/nVtUL6HrrAUpiThSyRFFP8z9071erVcoKukDh7QOarhXwcA7r8nMvs1Vt3H5D1auaY6taNIoM7do1kEhpZ4aFKUj0/v1YUOQQiU/VplYZa/w1/hr/4eb7zYDfopH+JoyFHwb/3eY3zW3RKDU0mlDfwk0ApcSKgK6+eRRV8pgUlQJfxv/6tqnvaFNtdyfUOoKlqQcVymCwbbE0LxVW4Gijme1IYKhhWDIVN0GUUJaXV9JoYx8j9lYW2Mg+ovmxijrURVdUFDoVNCGIlVrtt5BcWRtqtTshKkjGBcwpJjN3Qs3JesxGdK1kbTetjbqk2UoLcgWybLZlHxbTWbkGsI4klDSxIBv5cewQSzIv5GzENzXnDmK/9l2hjjmG8XhJxlkjnmaTnI3sLUTf+LYWU+y/LevyhqyVyEBtrBo18j7ZO4htVTcD5JGxVIYyLDNRGtEo8BwazfNcHhkwyqfL+q+lehhCB+g0UAaIc3mKEi9KvAIdAxNB0G6lxCJ6gCGORlzApZ7WQrxrJ941m7w31tb/aa0SMnUS5rWbrFWf1hMsCTQYZfisE3o2Bn49J/RZDMQJcz/MGZgjMHPOCM1wtDMSYLiAE3oSJp3DTtJjMKS3cKr3k1HgYqpHtJIjNgAZgn5/t99POVX2o4Q9C8Rn+zzssFjAWzr9na6uZ8CPegAcagQyjQBXD3B0wz5Qvwf/GwT0IOpBNZg6RHV9I3FdvS57UjFv7w2rntkrLfr8NUm18QZPWj68QCcW/G32i7P3rEXrDG7xfb5v5vLxp8WFxY8K7x8+8t5T7+4strp84fPM4nzrj4c6nMkfzn/wy732U9lqZvzkdwdPZD2LX/268MS1s0vv2F4XfC+M/Dn/6dDM8scvfn9wRGza0I72zSuvdV3tXXrr9o1nDx/9crR86ecnHz8bVzZPxM/5YkuX/D/trN49Epm+7p273PXFrXOvfjaybe+hSu/bB05c+P0b96bptucXbl3/a3Z6mVNK124WxL34j5uFprHcxWPDp7f2nWbPbLvri15xDJ7c+skxcrVM74GWESMBS2RWu/lv4SX+G6Ah3N35DAAA';
export const PSPP_SAV_WINDOWS_1252 = 'H4sICN5tBGsCA3cxMjUyLnNhdgDtVs1u20YQJi2pMl3lp01yn6YGnABVKjKukDogRJqyHQOOnJpq3MKHgCJX5CIyVyUpKz711nsv7UP0JXLrS/RYoOipeQFJHS6XDqXaqYH2EsADDLj7zc/ODMmdWd3e04x7n94H+5ltQ9vsmrC9u7cFO52vYRgPh6A+aD7QoA6vHjVfNNfrQ7c+oOHoVd0PR4C0JElSA1mWMipLOX1raA+hw05Aa6rNjfXmhqbBfyT0uiQtULnCebedqeRyOY9JrnC2zS6XryH0hI0hdhIa9ynxwIkInLIRjGkSQBIQcNkodOmgBZmnu0bRp1Tw+ZVqcp9pzps0jC/W2+R6uJOeOdHLeCHOeV2L6yoI7dFe5ESUxOfltVThbKlZ3jWEtmkUJ+AGjLpExP76QjvxMq4hZBOXhZ4wzMr8D9vpbDaTSmiLbO5scdsS4qZPMv3X3xgzTn99n9rNirnNZM7W/tOnW50uP9MMT7HQx8ckTOKWyC+1li6gK/mV/Er+fssbRaAhc87uhBfm+xB/rXin1WTO3f3DTnoX3kGoy8Yh/ATjgIiWMqAn5BJ3W3qPfnC2e9O6/pxEp287VC4wbm47NBqcI+G0bNztEOxhJCo0t5BF4NH4PIubxi3h73yF28ZHPI4LzLEvrrRZuJbAy5CNz3q/LGpVWujVtQ5LICYD4iYFN29ay/Y8Vha2JbGuFNZ5X+K+nDAeY52LvioHzPHiM8Co2tjS2CDO61N9wkYxDf2yiC2teVX4P3uv2MeqB6Q/iomX57Nc0CuLvSzs83crF3L/vZzp57oloYO9cZb3yKnYV4Xv1LaHvBqT6ATbcKy3VVBB+xIOA+oGkMMQOCfZx5VG2ILvVAe5h+yurA4jyiKa4MSgW6CuQ5cN4S0GrgqutpKe9qGI7hMR3XIh+nxd+p/WKUNhkiiua2KdxnRNYDbyblunnoIzm46fnoJzlo554nMTnz18Wvh0FUvVXVWxNN3VFJxJdMcnipgxdDFbKOn/qSf4Y6ZHXBdH3EDOFRuNh42GpKTij4X4F2TqbawaB2xA7q011lbuf45xzAMY0CLQWwTcecBVF/ba/B7jX1DIkpgH02TmkDT024WCHu522vuHdl3VvtD+KGUFJoR4hPR/mEwm05R2IuIk+Uf1GY69TsjH0uk7aTK1HBJ5p57Xp55H/KNfJ8JhlzGIB2z8mE/QPRyG4WdwfIeG2Zj5b37NHokSZ0z8Y4y0T36cXoomE8vp/wn83s0o8D3iHR39NhEadsCi5BLnbzqhj1cl/A2XH+e3Dw0AAA==';

export function unpack(base64: string): Buffer {
  return zlib.gunzipSync(Buffer.from(base64, 'base64'));
}

/** The comment of case 4: 300 bytes wide, so stored as two segments of a very long string. */
export const LONG_COMMENT = `A long comment that goes on${' and on'.repeat(36)} end`;

export const EXPECTED_ROWS = [
  ['id', 'sat', '$services', '$priorities', 'age', 'comment', 'town'],
  ['1', 'Very satisfied', 'Bins; Libraries', 'Roads; Schools', '34', 'Great service, thanks', 'Caerdydd'],
  ['2', 'Very dissatisfied', 'Libraries', 'Housing', 'Refused', 'Too slow; the bins — again', 'Abertawe'],
  ['3', "Don't know", 'Bins; Parks; Libraries', 'Roads; Schools', '45', '', 'Café Town'],
  ['4', 'Neither satisfied nor dissatisfied', 'Parks', '', '120', '__COMMENT__', 'Bangor'],
];
