/**
 * Common first names in England and Wales (ONS baby-name lists across the decades, common Welsh and South Asian
 * names), for masking names that come without a cue like "Mr" or "my name is". Names that are also everyday words
 * or places ("Will", "May", "Mark", "Grace", "Hope", "Rose", "Victoria", "Jack", "Bill", "Frank", "Joy", "Dean",
 * "Sky") are left out on purpose: masking every "Will" would damage ordinary sentences.
 */
export const FIRST_NAMES: ReadonlySet<string> = new Set(
  `Aaron Abdul Abigail Adam Adrian Ahmed Aisha Alan Albert Aled Alex Alexander Alexandra Ali Alice Alison Amanda Amber
Amelia Amir Amy Andrea Andrew Angela Anita Ann Anna Anne Anthony Arthur Ava Barbara Barry Bethan Bethany Beverley Brian
Bryn Caitlin Callum Cameron Carl Carol Caroline Carys Catherine Charles Charlie Charlotte Chloe Christine Christopher
Claire Colin Connor Craig Cerys Dafydd Daniel Darren David Dawn Deborah Debbie Denise Dennis Derek Dewi Diane Donna
Dorothy Dylan Edward Eilir Eleanor Eleri Elin Elizabeth Ella Ellie Emily Emma Emyr Eric Evan Fatima Fiona Florence
Freya Gareth Gary Gavin Geoffrey George Georgia Geraint Gethin Gillian Glyn Gordon Graham Gwen Gwyneth Hannah Harry
Hassan Hayley Heather Helen Huw Hussain Iain Ian Idris Ieuan Imran Iolo Isabel Isabella Isla Ivan Jacob Jacqueline
James Jamie Jane Janet Jason Jayne Jennifer Jessica Joan Joanne John Jonathan Joseph Joshua Judith Julie Karen Katie
Kathleen Kayleigh Keith Kelly Kenneth Kerry Kevin Khalid Kieran Kirsty Laura Lauren Leah Lee Leon Leslie Lewis Lily
Linda Lisa Liam Llinos Louise Lowri Lucy Luke Lynn Lynne Maria Margaret Marie Martin Mary Matthew Megan Meirion Melanie
Michael Michelle Mohammed Mohammad Muhammad Nadia Natalie Nathan Neil Nia Nicholas Nicola Noah Oliver Olivia Owain Owen
Pamela Patricia Patrick Paul Pauline Peter Philip Priya Rachel Rebecca Rhian Rhiannon Rhodri Rhys Richard Robert Ryan
Sadia Samantha Samuel Sandra Sarah Scott Sean Sharon Shaun Sheila Shirley Siân Sian Simon Sioned Sophie Stephanie
Stephen Steven Stuart Susan Tania Teresa Thomas Timothy Tom Tomos Tracey Tracy Trevor Vanessa Vicky Wayne William
Yasmin Yusuf Zainab Zara Zoe`.split(/\s+/),
);
