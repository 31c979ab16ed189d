/**
 * Exchange 2007 and later on-premises NDRs ("Delivery has failed to these recipients or groups",
 * "Diagnostic information for administrators", "Remote Server returned '…'"), English and French.
 * After Sisimai Lhost/Exchange2007.pm (BSD-2-Clause).
 */
import { defineProseFormat } from '../prose-format';

export const exchange2007 = defineProseFormat({
  id: 'exchange2007',
  subject: ['undeliverable:', 'non remis:', 'non_remis_', 'non recapitabile:', 'unzustellbar:'],
  bodyRequired: ['diagnostic information for administrators', 'informations de diagnostic pour les administrateurs', 'delivery has failed to these recipients or groups', 'remote server returned', 'generating server'],
  start: ['delivery has failed to these recipients or groups', 'diagnostic information for administrators', 'la remise a échoué', 'informations de diagnostic pour les administrateurs'],
});
