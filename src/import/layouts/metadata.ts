import { squash } from './text.js';

/**
 * Standard columns survey tools add around the questions. Giving them fixed names means the same column is called
 * the same thing whichever tool, export format or interface language produced the file.
 */
const ALIASES: Record<string, string> = {
  respondentid: 'respondent_id',
  collectorid: 'collector_id',
  responseid: 'response_id',
  responseset: 'response_set',
  startdate: 'start_date',
  enddate: 'end_date',
  recordeddate: 'recorded_date',
  ipaddress: 'ip_address',
  emailaddress: 'email_address',
  firstname: 'first_name',
  lastname: 'last_name',
  customdata: 'custom_data',
  externalreference: 'external_reference',
  externaldatareference: 'external_reference',
  durationinseconds: 'duration_seconds',
  // Microsoft Forms
  starttime: 'start_time',
  completiontime: 'completion_time',
  lastmodifiedtime: 'last_modified_time',
};

export const SURVEYMONKEY_METADATA = new Set([
  'respondentid', 'collectorid', 'startdate', 'enddate', 'ipaddress', 'emailaddress', 'firstname', 'lastname',
  'customdata',
]);

export const QUALTRICS_METADATA = new Set([
  'startdate', 'enddate', 'status', 'ipaddress', 'progress', 'durationinseconds', 'finished', 'recordeddate',
  'responseid', 'responseset', 'recipientlastname', 'recipientfirstname', 'recipientemail', 'externalreference',
  'externaldatareference', 'locationlatitude', 'locationlongitude', 'distributionchannel', 'userlanguage',
]);

/** The fixed name for a standard heading, if it is one. */
export function metadataName(heading: string): string | undefined {
  // Typeform heads its response token "#".
  if (heading.trim() === '#') return 'id';
  const key = squash(heading);
  const custom = /^customdata(\d+)$/.exec(key);
  if (custom) return `custom_data_${custom[1]}`;
  return ALIASES[key];
}

export function isSurveyMonkeyMetadata(heading: string): boolean {
  const key = squash(heading);
  return SURVEYMONKEY_METADATA.has(key) || /^customdata\d*$/.test(key);
}
