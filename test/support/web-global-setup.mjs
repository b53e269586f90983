// Jest global setup of the browser tests: the web app they load must be built from the current sources.
import { buildWeb } from '../../scripts/build-web.mjs';

export default function setup() {
  buildWeb();
}
