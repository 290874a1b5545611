throw new Error('database unreachable');
export default {};
