// The names a project config may have, apart from the loader so that the command line's help can list
// them without loading ajv and YAML.

/**
 * The project config's file names. One folder holds at most one of them: two is a usage error naming
 * both, so that a pull request cannot add a second config that silently shadows the first.
 */
export const CONFIG_FILES = ['commready.config.yaml', 'commready.config.yml', '.commreadyrc.yaml', '.commreadyrc.yml'] as const;
