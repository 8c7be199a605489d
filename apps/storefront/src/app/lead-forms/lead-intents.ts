import type { ContactMethod, LeadIntent } from '@showroom/contracts';

export interface IntentCopy {
  /** The button that opens the form. */
  action: string;
  heading: string;
  submit: string;
  messageLabel: string;
  /** What the thank-you page says the dealership will do. */
  promise: string;
}

export const INTENT_COPY: Record<LeadIntent, IntentCopy> = {
  check_availability: {
    action: 'Check availability',
    heading: 'Is this car still available?',
    submit: 'Check availability',
    messageLabel: 'Anything we should know? (optional)',
    promise: 'confirm the car is here and hold it for you to see',
  },
  request_quote: {
    action: 'Get a price quote',
    heading: 'Get a price quote',
    submit: 'Request my quote',
    messageLabel: 'Anything we should know? (optional)',
    promise: 'send you a price quote',
  },
  schedule_test_drive: {
    action: 'Schedule a test drive',
    heading: 'Schedule a test drive',
    submit: 'Request a test drive',
    messageLabel: 'Anything we should know? (optional)',
    promise: 'confirm a time for your test drive',
  },
  value_trade_in: {
    action: 'Value my trade-in',
    heading: 'What is my car worth?',
    submit: 'Value my trade-in',
    messageLabel: 'Anything else about your car? (optional)',
    promise: 'get back to you with a value for your car',
  },
  get_pre_approved: {
    action: 'Get pre-approved',
    heading: 'Get pre-approved for financing',
    submit: 'Start my pre-approval',
    messageLabel: 'Down payment, monthly budget or questions (optional)',
    promise: 'walk you through financing and the secure credit application',
  },
  general_contact: {
    action: 'Send us a message',
    heading: 'Send us a message',
    submit: 'Send message',
    messageLabel: 'Your message',
    promise: 'answer your message',
  },
  // Leads of this intent come from a deal sent from the deal page (retail), never from this form;
  // the copy is what the rest of the site would say of one.
  buy_online: {
    action: 'Buy this car online',
    heading: 'Buy this car online',
    submit: 'Start my deal',
    messageLabel: 'Anything we should know? (optional)',
    promise: 'answer your deal',
  },
};

/** The forms a vehicle page offers, in the order shoppers use them most. */
export const VEHICLE_INTENTS: readonly LeadIntent[] = [
  'check_availability',
  'schedule_test_drive',
  'value_trade_in',
  'get_pre_approved',
];

export const CONTACT_METHOD_LABELS: Record<ContactMethod, string> = {
  any: 'No preference',
  email: 'E-mail',
  phone: 'Phone call',
  text: 'Text message',
};

export const TRADE_IN_CONDITIONS = ['Excellent', 'Good', 'Fair', 'Poor'] as const;
export const TEST_DRIVE_TIMES = ['Morning', 'Afternoon', 'Evening'] as const;
