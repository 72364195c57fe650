/**
 * Whether motion is reduced: the system asks for it, or the user forced it in the display
 * menu. Follows changes while the page is open. (One source for the whole lab: see
 * features/display.)
 */
export { useReducedMotion } from '../../features/display/useDisplayPreferences';
