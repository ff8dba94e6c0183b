/**
 * Sentences for the Town Centre Plan consultation, grouped by the codeframe theme
 * they express. `pro` sentences are used by people who agree with the proposals and
 * `con` by those who disagree, so themes and closed answers line up.
 */
import type { CodeKey } from './codeframe.js';

export interface ThemeText {
  pro: string[];
  con: string[];
  /** Welsh-language sentences for responses written in Welsh. */
  cy: string[];
}

export const THEME_TEXT: Record<CodeKey, ThemeText> = {
  PARK: {
    pro: [
      'I\'d happily walk a bit further from the car park if the High Street was nicer.',
      'Parking at the leisure centre is nearly always empty, so losing Riverside car park won\'t matter.',
    ],
    con: [
      'Losing Riverside car park will push cars into the residential streets around {street}.',
      'There is already nowhere to park in town and this will make it worse.',
      'If you take away the parking, people will just drive to the retail park instead.',
      'Parking charges went up last year and now you want fewer spaces as well? Parking is the main reason people don\'t come into town.',
      'I need to park close to the shops because I can\'t carry heavy bags far.',
      'Blue badge holders must still be able to park on the High Street.',
      'Free parking for the first hour would do more for the town than any of this.',
      'Where are the Market Hall staff and visitors supposed to park?',
    ],
    cy: [
      'Does dim digon o leoedd parcio yng nghanol y dref fel y mae.',
      'Bydd cau maes parcio Glan-yr-Afon yn ei gwneud hi\'n anodd i bobl hŷn ddod i\'r dref.',
    ],
  },
  COST: {
    pro: [
      'If the money is coming from a Welsh Government grant that can\'t be spent on anything else, then go for it.',
      'Combining the library with other services makes sense when budgets are this tight.',
    ],
    con: [
      'How much is all this going to cost when the council keeps saying it has no money?',
      '£{millions} million on paving while my council tax goes up again is a disgrace.',
      'It\'s a waste of money, spend it on fixing what we already have.',
      'Moving the library to save money is a false economy.',
      'Who is paying for the upkeep of the new green space when the parks budget has been cut?',
      'The council can\'t afford the buildings it already has, never mind doing up the Market Hall.',
    ],
    cy: ['Mae hyn yn wastraff arian pan fo\'r cyngor yn torri gwasanaethau eraill.'],
  },
  ACCESS: {
    pro: [
      'As a mum with a double pushchair I welcome wider, level pavements.',
      'A step-free route from the station to the Market Hall would be a real improvement.',
    ],
    con: [
      'Making the High Street traffic-free is a disaster for disabled people who need to be dropped off at the door.',
      'I use a mobility scooter and the new surfaces must be smooth and level, not cobbles.',
      'My husband is in a wheelchair and the Market Hall has steps at every entrance.',
      'Please think about older people who can\'t walk far from a bus stop to the shops.',
      'Shared spaces are dangerous for blind and partially sighted people.',
      'Dropped kerbs, handrails and seating every 50 metres are essential, and the plan says nothing about disability access.',
    ],
    cy: ['Rhaid meddwl am bobl anabl a phobl sy\'n defnyddio cadair olwyn.'],
  },
  PROCESS: {
    pro: [
      'Thank you for the drop-in event at the Market Hall, the staff explained the plans really well.',
      'Good to see a proper consultation with plans you can actually look at.',
    ],
    con: [
      'This consultation is a tick-box exercise, it\'s already been decided.',
      'I only found out about this consultation from a Facebook post, it hasn\'t been publicised properly.',
      'The questionnaire is leading, there is no option to say "none of the above".',
      'Why was the only drop-in session on a Tuesday afternoon when people are at work?',
      'You never listen anyway so I don\'t know why I bother.',
      'The drawings in the consultation document are too vague to comment on.',
      'Please publish all the consultation responses, not just a summary.',
    ],
    cy: [
      'Mae\'n teimlo fel bod y penderfyniad wedi\'i wneud yn barod.',
      'Doedd dim digon o gyhoeddusrwydd i\'r ymgynghoriad.',
    ],
  },
  ENV: {
    pro: [
      'More trees and green space in the town centre would be lovely.',
      'Getting rid of traffic will improve the air quality on the High Street.',
      'Turning the car park into a green space by the river is the best part of the plan.',
      'We need to be serious about the climate emergency and this is a small step.',
    ],
    con: [
      'Planting a few trees in pots isn\'t a green space.',
      'Traffic will just be diverted onto {street} and the pollution will move there.',
      'The river floods every winter, any new park by the river needs to cope with that.',
    ],
    cy: ['Byddai mwy o goed a mannau gwyrdd yn gwella\'r dref.'],
  },
  WELSH: {
    pro: [
      'All new signs must be bilingual, with Welsh first.',
      'It would be good to see Welsh-speaking staff and Welsh-language events in the new hub.',
      'The Menter Iaith could run activities in the new square.',
    ],
    con: [
      'The library runs Welsh-language story time and Cymraeg clubs, these must not be lost in the move.',
      'The consultation documents were only available in Welsh on request, which isn\'t good enough.',
      'Please use Welsh names for the new spaces, not just English ones.',
    ],
    cy: [
      'Dylai pob arwydd newydd fod yn ddwyieithog, gyda\'r Gymraeg yn gyntaf.',
      'Byddai\'n dda cael gweithgareddau Cymraeg yn yr hyb newydd.',
    ],
  },
  SAFETY: {
    pro: [
      'Keeping cars out will make it safer for children crossing the road.',
      'More people around in the day will make the town centre feel safer.',
    ],
    con: [
      'A pedestrianised High Street will be deserted at night and won\'t feel safe.',
      'There is already a problem with antisocial behaviour around the Market Hall in the evenings.',
      'Better lighting and CCTV are needed before anything else.',
      'Cyclists and e-scooters racing through a traffic-free street are a danger to pedestrians.',
      'Drug dealing behind the bus station needs sorting first, where are the police?',
    ],
    cy: ['Dw i ddim yn teimlo\'n ddiogel yng nghanol y dref gyda\'r nos.'],
  },
  BUSINESS: {
    pro: [
      'Footfall will go up if the town centre is a nicer place to spend time.',
      'Cafés could put tables outside if the street is traffic-free, which would bring people in.',
    ],
    con: [
      'The shops on the High Street rely on passing trade and people being able to pull up outside.',
      'Half the units are already empty, this will finish off the rest of the businesses.',
      'Delivery times need to work for the traders, we get stock in at all hours.',
      'Small independent shops are what makes Bryncoed different and they are struggling enough.',
    ],
    cy: ['Mae\'r siopau bach yn cael trafferth yn barod a bydd hyn yn waeth iddyn nhw.'],
  },
  TRANSPORT: {
    pro: [
      'There need to be proper cycle lanes and somewhere to lock a bike.',
      'A park and ride from the leisure centre would solve a lot of these problems.',
      'Make it easy to walk from the trains to the High Street, the route at the moment is grim.',
    ],
    con: [
      'The bus service into town is so poor that most people have no choice but to drive.',
      'Buses will have to be rerouted and the stops moved further from the shops.',
      'Taxis need a rank close to the Market Hall for people who can\'t walk far.',
    ],
    cy: ['Mae angen gwell gwasanaeth bws o\'r pentrefi.'],
  },
  LIBRARY: {
    pro: [
      'I\'d be happy with moving the library if the opening hours were longer.',
      'A hub with the library, council services and somewhere to get a coffee sounds good.',
    ],
    con: [
      'The library is a lifeline for people without the internet at home.',
      'Central Library is a lovely building, what will happen to it?',
      'There won\'t be room in the Market Hall for all the books and the study space.',
      'My children go to the library every Saturday for the reading challenge.',
      'Libraries are not just about books, people use the computers to apply for jobs and benefits.',
    ],
    cy: ['Mae\'r llyfrgell yn galon i\'r gymuned, cadwch hi lle mae hi.'],
  },
  SUPPORT: {
    pro: [
      'Fully support the plan, it\'s about time something was done.',
      'Great plan, go ahead as soon as possible.',
      'Good idea.',
      'I support this, the town centre badly needs a change.',
      'Brilliant, I hope it goes ahead.',
    ],
    con: [],
    cy: ['Syniad da, mae angen gwneud rhywbeth i ganol y dref.', 'Dw i\'n cefnogi\'r cynllun.'],
  },
  OPPOSE: {
    pro: [],
    con: [
      'I object to the whole plan.',
      'Leave the High Street as it is.',
      'Completely against it.',
      'Pointless, nobody asked for this.',
      'Don\'t agree with any of it.',
      'A stupid idea from people who never come into town.',
    ],
    cy: ['Rwy\'n gwrthwynebu\'r cynllun yn llwyr.'],
  },
};

/** Answers that say nothing codeable. */
export const SHORT_ANSWERS = ['No', 'No.', 'None', 'n/a', 'N/A', 'No comment', 'Nothing to add', 'See above', 'Agree with all of it.', 'Disagree.', 'Leave it alone.', 'Just get on with it.', '.', 'no'];
export const SHORT_ANSWERS_CY = ['Dim', 'Dim sylw', 'Na'];

export const OPENERS = [
  'I have lived in Bryncoed all my life and I want to see the town centre do well.',
  'I\'ll keep this short.',
  'I have read the full plan and the equality impact assessment.',
  'I work on the High Street and live in {ward}.',
  'Some of this is good and some of it really isn\'t.',
];

export const CAMPAIGN_TEXT = [
  'I am writing to object to the proposal to move Central Library into the Market Hall.',
  'The library is a lifeline for older people, children and anyone without internet at home.',
  'The Market Hall has less space, fewer books and no quiet study area.',
  'This is a cut dressed up as an improvement.',
  'Keep Central Library where it is.',
];

/** Organisations responding, with the themes their responses focus on. */
export const ORGANISATIONS: ReadonlyArray<{ name: string; themes: CodeKey[]; stance: number }> = [
  { name: 'Bryncoed Chamber of Trade', themes: ['BUSINESS', 'PARK', 'COST'], stance: -0.8 },
  { name: 'Bryncoed Access Group', themes: ['ACCESS', 'SAFETY', 'TRANSPORT'], stance: -0.6 },
  { name: 'Menter Iaith Bryncoed', themes: ['WELSH', 'LIBRARY'], stance: 0.3 },
  { name: 'Bryncoed Cycling Campaign', themes: ['TRANSPORT', 'ENV', 'SAFETY'], stance: 1.2 },
  { name: 'Friends of Riverside Park', themes: ['ENV', 'COST'], stance: 0.8 },
  { name: 'Glan-yr-Afon Tenants\' and Residents\' Association', themes: ['SAFETY', 'PARK', 'PROCESS'], stance: -0.3 },
  { name: 'Bryncoed Civic Society', themes: ['LIBRARY', 'PROCESS', 'COST'], stance: -0.4 },
  { name: 'Bryncoed Youth Council', themes: ['SUPPORT', 'TRANSPORT', 'SAFETY'], stance: 1.0 },
  { name: 'Bryncoed Older People\'s Forum', themes: ['ACCESS', 'LIBRARY', 'TRANSPORT'], stance: -0.7 },
  { name: 'Market Hall Traders', themes: ['BUSINESS', 'LIBRARY', 'PARK'], stance: -0.5 },
  { name: 'Bryncoed Community Council', themes: ['PROCESS', 'PARK', 'WELSH'], stance: -0.2 },
];

/** Answers to the Welsh Language Standards question. */
export const WELSH_EFFECTS = {
  nothing: ['None.', 'No effect.', 'None that I can see.', "Don't know.", 'N/A', 'Neutral', 'Not applicable to me.'],
  en: [
    'Signs and information boards in the new square should be bilingual.',
    'The library\'s Welsh story time must continue in the hub.',
    'More Welsh-speaking staff in the Market Hall would be positive.',
    'A space for Welsh-language events in the new square would help people use their Welsh.',
    'No effect as long as the Welsh Language Standards are followed.',
    'Moving the library could mean fewer Welsh books on the shelves.',
    'Positive, if the Menter Iaith is given space in the hub.',
    'I don\'t speak Welsh but my children are in Welsh-medium school and they use the library for Welsh books.',
  ],
  cy: [
    'Dim effaith.',
    'Dim.',
    'Rhaid i bob arwydd fod yn ddwyieithog.',
    'Mae angen staff sy\'n siarad Cymraeg yn yr hyb newydd.',
    'Cyfle da i gynnal digwyddiadau Cymraeg yn Neuadd y Farchnad.',
    'Mae\'r llyfrgell yn cynnig llyfrau a sesiynau Cymraeg i blant, rhaid cadw\'r rhain.',
  ],
};
