// What the course's interactive parts need from a terminal: to show text and to have one of a few choices
// picked. The quiz and the pager talk to this, so tests drive them with a scripted asker and one
// end-to-end test drives the real one (Inquirer) in a real terminal.

export interface ChooseOptions {
  /** Show the choices numbered 1, 2, 3…; typing a number moves to that choice. */
  numbered?: boolean;
  /** The index of the choice selected at first. */
  default?: number;
  /** Remove the prompt from the screen once answered (the pager's). */
  clear?: boolean;
}

export interface CourseAsker {
  /** Shows text that is already safe to print (the asker sanitises it once more). */
  write(text: string): void;
  /** Asks for one of `choices`; resolves to the index of the one picked. */
  choose(message: string, choices: readonly string[], options?: ChooseOptions): Promise<number>;
}
