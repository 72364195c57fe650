/**
 * How often the playback bar's readouts and scrubber follow a playing run. Paused, they
 * follow at once.
 *
 * Why not every frame: without a GPU the compositor redraws, each frame, one rectangle that
 * holds everything that changed. The messages move in the canvas at the top; a readout that
 * changed at the bottom of the window stretched that rectangle over the whole dock and side
 * column between them, and redrawing it cost the compositor about 1.5 ms a frame (measured
 * on the 9-node benchmark: its root damage went from the dots alone to 1264×550 pixels).
 * Ten times a second, the readouts still count visibly, as the node cards do
 * (PLAYING_CARD_INTERVAL_MS), and five frames in six redraw only the canvas.
 *
 * The exact time stays on the virtual-time readout's data-time-ms on every frame: tests and
 * the benchmark read the run's position there, and an attribute no style depends on costs
 * no paint.
 */
export const PLAYING_READOUT_INTERVAL_MS = 100;
