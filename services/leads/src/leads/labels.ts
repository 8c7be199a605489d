/** "appointment_set" → "appointment set": how codes read in timeline lines and messages. */
export function labelOf(code: string): string {
  return code.replace(/_/g, ' ');
}
