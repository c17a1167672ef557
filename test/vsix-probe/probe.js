// The probe extension itself does nothing; its test suite (index.js) does the checking.
exports.activate = () => undefined;
