/**
 * The first value of a field that will hold fractions. V8 gives a field the
 * representation of the first value stored in it: a small integer (0) first
 * and a fraction later changes the shape of every such object and throws away
 * the optimised code that read them (`--trace-deopt`: "wrong map"). NaN is a
 * double from the start, and never a value any feature is left with.
 */
export const FRACTION = Number.NaN;
