/**
 * Answer scales councils use, best (most positive) point first. A point lists its accepted wordings separated by
 * "|"; the first is how a missing point is written. Several variants per topic, because surveys differ in the
 * middle words ("Fairly" / "Quite" / none) and in length; odd-length scales also match without their middle point.
 */
export type ScaleTopic = 'satisfaction' | 'agreement' | 'importance' | 'likelihood' | 'quality' | 'safety' | 'amount' | 'frequency';

export interface ScaleDefinition {
  topic: ScaleTopic;
  language: 'en' | 'cy';
  points: string[][];
}

const NEITHER_SATISFIED = 'Neither satisfied nor dissatisfied|Neither satisfied or dissatisfied|Neither satisfied/dissatisfied';
const NEITHER_AGREE = 'Neither agree nor disagree|Neither agree or disagree';
const NEITHER_IMPORTANT = 'Neither important nor unimportant|Neither important or unimportant';
const NEITHER_LIKELY = 'Neither likely nor unlikely|Neither likely or unlikely';

const RAW: Array<[ScaleTopic, 'en' | 'cy', string[]]> = [
  ['satisfaction', 'en', ['Very satisfied', 'Fairly satisfied|Quite satisfied', NEITHER_SATISFIED, 'Fairly dissatisfied|Quite dissatisfied', 'Very dissatisfied']],
  ['satisfaction', 'en', ['Very satisfied', 'Satisfied|Mostly satisfied', `${NEITHER_SATISFIED}|Neutral`, 'Dissatisfied|Mostly dissatisfied', 'Very dissatisfied']],
  ['satisfaction', 'en', ['Very satisfied', 'Somewhat satisfied|Slightly satisfied', NEITHER_SATISFIED, 'Somewhat dissatisfied|Slightly dissatisfied', 'Very dissatisfied']],
  ['satisfaction', 'en', ['Extremely satisfied|Completely satisfied', 'Very satisfied', 'Somewhat satisfied|Slightly satisfied|Moderately satisfied', NEITHER_SATISFIED, 'Somewhat dissatisfied|Slightly dissatisfied|Moderately dissatisfied', 'Very dissatisfied', 'Extremely dissatisfied|Completely dissatisfied']],
  ['satisfaction', 'cy', ['Bodlon iawn|Yn fodlon iawn', 'Eithaf bodlon|Yn eithaf bodlon|Bodlon', 'Ddim yn fodlon nac yn anfodlon|Ddim yn fodlon nac anfodlon|Ni fodlon nac anfodlon|Nid yn fodlon nac yn anfodlon', 'Eithaf anfodlon|Yn eithaf anfodlon|Anfodlon', 'Anfodlon iawn|Yn anfodlon iawn']],

  ['agreement', 'en', ['Strongly agree|Agree strongly|Completely agree', 'Agree|Tend to agree|Somewhat agree|Mostly agree|Slightly agree', `${NEITHER_AGREE}|Neutral`, 'Disagree|Tend to disagree|Somewhat disagree|Mostly disagree|Slightly disagree', 'Strongly disagree|Disagree strongly|Completely disagree']],
  ['agreement', 'en', ['Strongly agree', 'Agree', 'Somewhat agree|Slightly agree|Tend to agree', NEITHER_AGREE, 'Somewhat disagree|Slightly disagree|Tend to disagree', 'Disagree', 'Strongly disagree']],
  ['agreement', 'cy', ["Cytuno'n gryf|Yn cytuno'n gryf", 'Cytuno|Tueddu i gytuno|Yn cytuno', 'Ddim yn cytuno nac yn anghytuno|Ddim yn cytuno nac anghytuno|Ni chytuno nac anghytuno|Nid yn cytuno nac yn anghytuno', 'Anghytuno|Tueddu i anghytuno|Yn anghytuno', "Anghytuno'n gryf|Yn anghytuno'n gryf"]],

  ['importance', 'en', ['Very important|Extremely important', 'Fairly important|Quite important|Important|Somewhat important|Moderately important', NEITHER_IMPORTANT, 'Not very important|Somewhat unimportant|Fairly unimportant|Slightly important|Not important', 'Not at all important|Not important at all|Very unimportant|Totally unimportant']],
  ['importance', 'cy', ['Pwysig iawn|Yn bwysig iawn', 'Eithaf pwysig|Yn eithaf pwysig|Pwysig', 'Ddim yn bwysig nac yn ddibwys|Ddim yn bwysig nac yn ddi-bwys', 'Ddim yn bwysig iawn|Ddim yn bwysig', 'Ddim yn bwysig o gwbl|Dim yn bwysig o gwbl']],

  ['likelihood', 'en', ['Very likely|Extremely likely|Definitely', 'Fairly likely|Quite likely|Likely|Somewhat likely|Probably', NEITHER_LIKELY, 'Fairly unlikely|Not very likely|Unlikely|Somewhat unlikely|Probably not', 'Very unlikely|Not at all likely|Extremely unlikely|Definitely not']],
  ['likelihood', 'cy', ['Tebygol iawn|Yn debygol iawn', 'Eithaf tebygol|Yn eithaf tebygol|Tebygol', 'Ddim yn debygol nac yn annhebygol', 'Eithaf annhebygol|Annhebygol|Ddim yn debygol iawn', 'Annhebygol iawn|Ddim yn debygol o gwbl']],

  ['quality', 'en', ['Excellent', 'Good', 'Fair|Average|Adequate', 'Poor']],
  ['quality', 'en', ['Very good', 'Good|Fairly good', 'Neither good nor poor|Neither good nor bad|Average', 'Poor|Fairly poor|Bad', 'Very poor|Very bad']],
  ['quality', 'en', ['Excellent', 'Very good', 'Good', 'Fair|Average|Adequate', 'Poor', 'Very poor']],
  ['quality', 'cy', ['Ardderchog|Rhagorol', 'Da iawn', 'Da', 'Gweddol|Cyfartalog', 'Gwael', 'Gwael iawn']],

  ['safety', 'en', ['Very safe', 'Fairly safe|Quite safe|Safe', 'Neither safe nor unsafe|Neither safe or unsafe', 'Fairly unsafe|Quite unsafe|A bit unsafe|Unsafe', 'Very unsafe']],
  ['safety', 'cy', ['Diogel iawn|Yn ddiogel iawn', 'Eithaf diogel|Yn eithaf diogel|Diogel', 'Ddim yn ddiogel nac yn anniogel', 'Eithaf anniogel|Anniogel', 'Anniogel iawn']],

  ['amount', 'en', ['A lot|A great deal', 'Some|A fair amount|A fair bit', 'Not much|A little|Not very much', 'Not at all|None at all|Nothing at all']],
  ['frequency', 'en', ['Always', 'Often|Very often|Frequently|Most of the time', 'Sometimes|Occasionally', 'Rarely|Seldom|Hardly ever', 'Never']],
  ['frequency', 'cy', ['Bob amser|Drwy’r amser', 'Yn aml', 'Weithiau|Ambell waith', 'Anaml|Prin', 'Byth|Erioed']],
];

function withoutMiddle(points: string[][]): string[][] | undefined {
  if (points.length % 2 === 0 || points.length < 5) return undefined;
  const middle = (points.length - 1) / 2;
  return points.filter((_, i) => i !== middle);
}

export const SCALES: ScaleDefinition[] = RAW.flatMap(([topic, language, raw]) => {
  const points = raw.map((p) => p.split('|'));
  const short = withoutMiddle(points);
  return short ? [{ topic, language, points }, { topic, language, points: short }] : [{ topic, language, points }];
});
