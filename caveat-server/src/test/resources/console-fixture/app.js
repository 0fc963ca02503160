export const fixture = "console asset";
