// jstat ships no types; we use only the Student t quantile and CDF.
declare module "jstat" {
  const pkg: { jStat: { studentt: { inv(p: number, dof: number): number; cdf(x: number, dof: number): number } } };
  export default pkg;
}
