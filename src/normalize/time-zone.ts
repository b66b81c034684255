/**
 * The IANA time zones of the UN's duty stations and regional commissions, by the venue's
 * name as the definition writes it (case and surrounding spaces aside). A venue not listed
 * here has no zone unless `meeting.time_zone` gives one.
 */
const VENUE_ZONES: ReadonlyMap<string, string> = new Map([
  ['vienna', 'Europe/Vienna'],
  ['geneva', 'Europe/Zurich'],
  ['new york', 'America/New_York'],
  ['nairobi', 'Africa/Nairobi'],
  ['bangkok', 'Asia/Bangkok'],
  ['santiago', 'America/Santiago'],
  ['addis ababa', 'Africa/Addis_Ababa'],
  ['beirut', 'Asia/Beirut'],
]);

export function venueTimeZone(venue: string): string | undefined {
  return VENUE_ZONES.get(venue.trim().toLowerCase());
}

/**
 * The zone as IANA spells it ("europe/vienna" gives "Europe/Vienna"), or undefined when the
 * runtime's time zone database does not know it. Aliases stay as written: ICU would turn
 * "Asia/Kolkata" into the older "Asia/Calcutta". Asked only for a zone the author wrote:
 * loading the zone data costs tens of milliseconds.
 */
export function checkTimeZone(zone: string): string | undefined {
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  return resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
}
