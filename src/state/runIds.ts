// Every run the app makes gets its id here: added from the panel, read from a link, or opened
// by the embed's host. One counter, so that two sources never hand out the same id. (Lesson
// presets carry fixed ids of their own, "l1-sgd" and the like, which this never produces.)

let next = 1;

export function newRunId(): string {
  return `r${next++}`;
}
