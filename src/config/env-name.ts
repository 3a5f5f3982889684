/** The variable that names the config file (set but empty: no config file at all); not a setting itself. */
export const CONFIG_ENV = "TOKENHEDGE_CONFIG";
