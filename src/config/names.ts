/** The names of a configuration file, in the order they are looked for in each folder. */
export const CONFIG_NAMES: readonly string[] = ['agenda.config.yaml', '.agendarc.yaml'];

/** Whether a file is a configuration file (by its name), not a meeting definition. */
export const isConfigFile = (path: string): boolean => CONFIG_NAMES.includes(path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1));
