/** The 97.5% quantile of the standard normal distribution: the z of every default 95% interval here. */
export const Z_95 = 1.959963984540054;
