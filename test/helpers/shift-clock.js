/** jest setup file: moves this test file's wall clock to LEGWORK_TEST_NOW, if set (see test-clock.js). */
require("./test-clock").shiftClock(globalThis);
