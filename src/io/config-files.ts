// The names a project config may have, apart from the loader so that the command line's help can list
// them without loading ajv and YAML.

/** The project config's file names, in the order they are looked for in each directory. */
export const CONFIG_FILES = ['commready.config.yaml', '.commreadyrc.yaml'] as const;
