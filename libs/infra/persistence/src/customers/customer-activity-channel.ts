/**
 * The PostgreSQL NOTIFY channel on which ingestion announces that something new happened to a
 * customer. The payload is the customer's id and nothing else: notifications are visible to
 * every session of the database, so they carry no personal data.
 */
export const CUSTOMER_ACTIVITY_CHANNEL = 'customer_activity';
