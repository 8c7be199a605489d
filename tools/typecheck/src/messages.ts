/** What a batch run hands a checking thread: one project's tsconfigs. */
export interface ProjectCheck {
  task: string;
  tsConfigs: string[];
}

/** What the thread answers, in the shape Nx takes for a task of a batch. */
export interface ProjectChecked {
  task: string;
  success: boolean;
  terminalOutput: string;
  startTime: number;
  endTime: number;
}

export interface TypecheckOptions {
  tsConfigs: string[];
}
