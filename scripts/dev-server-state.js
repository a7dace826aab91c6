/** Where `npm start` on Linux records the background dev server, so `npm stop` can find it. */
const path = require("path");

const root = path.resolve(__dirname, "..");
const port = Number(process.env.LEGWORK_PORT || process.env.npm_package_config_dev_server_port || 3000);

module.exports = {
  root,
  port,
  pidFile: path.join(root, `.legwork-dev-server.${port}.pid`),
  logFile: path.join(root, `.legwork-dev-server.${port}.log`),
};
