/**
 * Free-text comments for the residents' survey. What a respondent writes follows
 * their closed answers (someone very dissatisfied with roads tends to mention
 * potholes), so coding the comments and cross-tabbing them tells a coherent story.
 */
import { fill, joinSentences, roughen } from './fill.js';
import type { Rng } from './random.js';
import type { PairKey } from './schema.js';

export interface CommentContext {
  ward: string;
  age: number;
  welshSpeaker: boolean;
  unhappy: PairKey[];
  happy: PairKey[];
  critical: boolean;
}

const NEGATIVE: Record<PairKey, string[]> = {
  listens: [
    'The council never listens. You fill in these surveys and nothing changes.',
    'We were "consulted" about the changes on {street} and then they went ahead anyway.',
    'Councillors only show their faces at election time.',
    'It feels like decisions are made behind closed doors and we find out afterwards.',
    'I have emailed three times about the flooding on {street} and not had a reply.',
    'They say "your views matter" but it doesn\'t feel like it.',
    'Nobody in the council seems to care what people in {ward} think.',
  ],
  influence: [
    'There\'s no point trying to have a say, it\'s all decided already.',
    'Ordinary people don\'t get a look in, it\'s the same few voices every time.',
    'Community council meetings are at 2pm on a weekday, how is anyone who works supposed to go?',
    'We signed a petition about the speeding on {street} and heard nothing back.',
  ],
  waste: [
    'Our bins were missed {n} times in the last couple of months.',
    'The recycling crew leave more mess on the pavement than they take away.',
    'Why has the garden waste collection gone up to £{fee} a year?',
    'Three-weekly black bin collections are not enough for a family of {n}.',
    'The tip booking system is a nightmare, so people just fly-tip instead.',
  ],
  parks: [
    'The play park in {ward} has been taped off for months.',
    'Dog mess everywhere in {park}, nobody enforces anything.',
    'Grass cutting has been cut back so much the verges are like a jungle.',
    'The toilets in {park} have been closed since {month}.',
  ],
  roads: [
    'The potholes on {street} are a disgrace, I\'ve had two tyres replaced this year.',
    'Pavements are dangerous for anyone using a walker or a pushchair.',
    'Roadworks on {street} have been there for months with nobody working on them.',
    'Reported a pothole online {weeks} weeks ago and it still hasn\'t been fixed.',
    'The 20mph limit is fine but fix the roads first!',
    'Cars parked on the pavement on {street} mean wheelchair users have to go in the road.',
  ],
  libraries: [
    'Library opening hours have been cut so much it\'s never open when I can go.',
    'Please don\'t close any more libraries, they are one of the few free places left.',
    'The library in {ward} has no heating half the time.',
  ],
};

const POSITIVE: Record<PairKey, string[]> = {
  listens: [
    'The council did listen when we raised the drainage problem on {street}, credit where it\'s due.',
    'Our local councillor is very good and always gets back to me.',
  ],
  influence: ['The participatory budget vote last year was a good idea, more of that please.'],
  waste: [
    'The bin men are brilliant, always on time and polite.',
    'The recycling service is really good, much better than where I lived before.',
    'Food waste collection works well.',
  ],
  parks: [
    '{park} is lovely, the staff do a great job.',
    'The new trees along the river walk are a big improvement.',
    'Really pleased with the new play equipment in {park}.',
  ],
  roads: ['Good to see {street} finally resurfaced.'],
  libraries: [
    'The library staff are fantastic, especially the Welsh rhyme time for toddlers.',
    'I use the library computers to do my Universal Credit journal, it\'s a lifeline.',
    'The home library service for my mum is wonderful.',
  ],
};

const GENERAL_CRITICAL = [
  'Council tax has gone up again to over £{ctax} a year for a Band {band} house and services keep getting worse.',
  'Too much money wasted on consultants and vanity projects.',
  'Antisocial behaviour around {place} is getting worse, especially at night.',
  'More police and PCSOs on foot please, you never see them.',
  'The town centre is dying, too many empty shops, vape shops and charity shops.',
  'The website is impossible to use and you can\'t get through on the phone.',
  'I waited {mins} minutes on hold to report a missed bin.',
  'Switching the street lights off after midnight makes {street} feel unsafe.',
  'Too many houses being built without doctors, dentists or school places to match.',
  'Fly-tipping on the lane behind {street} has been reported over and over.',
  'Why do you need to know my religion and sexuality for a survey about bins?',
  'My mother\'s care package has been cut and nobody will tell us why.',
];

const GENERAL_POSITIVE = [
  'Overall I think the council does a decent job with the money it has.',
  'Thank you to all the staff, especially during the floods last winter.',
  'Staff at the contact centre were helpful and polite when I rang about my council tax.',
  'The Christmas lights and the food festival in town were brilliant this year.',
  'Things seem to be slowly improving in {ward}.',
];

const YOUNG = [
  'There is nothing for young people to do in {ward} in the evenings.',
  'Rents are unaffordable, I can\'t see how people my age can stay in the area.',
  'Buses from {ward} stop before 7pm, how are people meant to get to work or college?',
  'More needs to be done on climate change and active travel.',
];

const OLDER = [
  'As a pensioner on a fixed income, every increase hurts.',
  'Not everyone is online. I don\'t have a computer and everything seems to need one now.',
  'The bus pass is a lifeline but the services keep being cut.',
  'There used to be benches along {street}, now there is nowhere to rest.',
];

const OPENERS = [
  'I\'ve lived in {ward} for {years} years.',
  'Where do I start?',
  'Thanks for asking.',
  'Just a few points.',
  'To be honest, I don\'t think this survey will make a difference.',
];

const SHORT = ['No', 'No.', 'Nothing to add.', 'n/a', 'None', 'Keep up the good work', 'no thanks', 'Not really.', '-', 'See above'];

/** Welsh-language comments (simple, natural register). */
const WELSH = [
  'Mae\'r cyngor yn gwneud gwaith da gyda\'r ailgylchu, diolch.',
  'Mae\'r ffyrdd yn ofnadwy, mae tyllau ym mhobman.',
  'Dydy\'r cyngor ddim yn gwrando ar bobl leol.',
  'Hoffwn allu siarad â rhywun yn Gymraeg pan dw i\'n ffonio\'r cyngor.',
  'Mae\'r llyfrgell yn bwysig iawn i ni fel teulu.',
  'Mae\'r dreth gyngor yn rhy uchel am y gwasanaethau rydyn ni\'n eu cael.',
  'Diolch am y cyfle i roi fy marn.',
  'Does dim byd i bobl ifanc ei wneud yn yr ardal.',
  'Mae\'r parc yn fendigedig, diolch i\'r staff.',
  'Mae baw cŵn ym mhob man ar y palmant.',
  'Mae angen mwy o gyfleoedd i ddefnyddio\'r Gymraeg yn y gymuned.',
  'Mae\'r biniau\'n cael eu colli\'n aml ar ein stryd ni.',
];

/** Fake personal details so redaction can be demonstrated. */
const PERSONAL = [
  'Please contact me on {phone} if you want more details.',
  'My email is {email} if anyone actually wants to follow this up.',
  'I live at {num} {street} and the drain outside has been blocked since {month}.',
  'My name is {name}, my complaint reference was {ref} and I never heard back.',
  'Ring me on {phone} or email {email}.',
];

export function residentComment(rng: Rng, ctx: CommentContext): string {
  const fillIt = (t: string): string => fill(rng, t, { ward: ctx.ward });
  if (rng.chance(0.07)) return rng.pick(SHORT);
  if (ctx.welshSpeaker && rng.chance(0.25)) {
    const welsh = rng.sample(WELSH, rng.chance(0.7) ? 1 : 2);
    if (rng.chance(0.2)) welsh.push(rng.pick(['Keep up the good work with the bins.', 'Thanks.', 'Fix the roads!']));
    return welsh.join(' ');
  }

  const pools: Array<{ weight: number; items: readonly string[] }> = [];
  for (const k of ctx.unhappy) pools.push({ weight: 3, items: NEGATIVE[k] });
  for (const k of ctx.happy) pools.push({ weight: 1.2, items: POSITIVE[k] });
  pools.push(ctx.critical ? { weight: 2.5, items: GENERAL_CRITICAL } : { weight: 1.5, items: GENERAL_POSITIVE });
  pools.push({ weight: 0.6, items: GENERAL_CRITICAL });
  if (ctx.age <= 1) pools.push({ weight: 1.5, items: YOUNG });
  if (ctx.age >= 5) pools.push({ weight: 1.2, items: OLDER });

  const count = [1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 4, 5][rng.int(21)] as number;
  const chosen: string[] = [];
  for (let tries = 0; chosen.length < count && tries < 12; tries++) {
    const pool = pools[rng.weighted(pools.map((p) => p.weight))]!;
    const sentence = rng.pick(pool.items);
    if (!chosen.includes(sentence)) chosen.push(sentence);
  }
  if (rng.chance(0.1)) chosen.unshift(rng.pick(OPENERS));
  if (rng.chance(0.035)) chosen.push(rng.pick(PERSONAL));
  if (ctx.welshSpeaker && rng.chance(0.08)) chosen.push('Diolch.');
  return roughen(rng, joinSentences(rng, chosen.map(fillIt)));
}
