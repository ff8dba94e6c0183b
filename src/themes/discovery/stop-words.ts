/**
 * Words that say nothing about a theme, left out of discovery's terms: English function words (with the forms people
 * type without apostrophes), Welsh function words (so Welsh responses group by what they say, not by "yn" and "y"),
 * and the filler of consultation answers ("think", "really", "council", "plan", "able", "bit"), which every theme
 * shares and which would otherwise name candidates ("able, high street, park").
 */
const ENGLISH = `a about above after again against all also am an and any are aren't as at be because been before being
below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't done down during each
etc even ever every few for from further get gets getting got had hadn't has hasn't have haven't having he he'd he'll
he's her here here's hers herself him himself his how how's however i i'd i'll i'm i've if in into is isn't it it's
its itself just let's like lot lots made make many may me might more most much must mustn't my myself no nor not now of
off on once one only or other ought our ours ourselves out over own per quite rather really same say says shan't she
she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves then there there's
these they they'd they'll they're they've thing things think this those though through thus to too under until up upon
us very want was wasn't way we we'd we'll we're we've well were weren't what what's when when's where where's whether
which while who who's whom why why's will with within without won't would wouldn't yes yet you you'd you'll you're
you've your yours yourself yourselves dont cant wont didnt doesnt isnt wasnt im ive id thats theres youre theyre
also already still anything something nothing everything anyone someone everyone people go going gone come comes
see seen know need needs needed use used put take much new please thank thanks let keep think feel felt`;

const WELSH = `a ac ag am ar at dros drwy dy ei eich ein eu fe fy gan gyda hi hyn hynny i mae mai nad nag neu ni nid o os
pan pe rhag sy sydd wedi y yn yr ydy ydw ydych ydyn yw oedd bod fod fel hefyd mwy iawn dw dwi rwy rydw rydym roedd
byddai bydd gall gallu cael gael ddim dim na nhw chi ni fi fo fe hwn hon hwnnw honno ydi ond felly achos`;

const FILLER = `council councils plan plans proposal proposals think really would could also able bit always never nearly
actually probably maybe happily matter enough whole instead else every`;

export const STOP_WORDS: ReadonlySet<string> = new Set(`${ENGLISH} ${WELSH} ${FILLER}`.split(/\s+/).filter(Boolean));
