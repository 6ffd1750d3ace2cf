// Verifies one webhook with the standardwebhooks npm package, as an integrator's Node.js receiver would.
// Reads {"secret", "body", "headers"} as JSON on stdin; prints the verified payload's type and exits 0, or prints
// the library's error and exits 1.
import { Webhook } from "standardwebhooks";

let input = "";
for await (const chunk of process.stdin) {
  input += chunk;
}

const { secret, body, headers } = JSON.parse(input);
try {
  const payload = new Webhook(secret.replace(/^whsec_/, "")).verify(body, headers);
  process.stdout.write(`verified ${payload.type}\n`);
} catch (error) {
  process.stdout.write(`refused: ${error.message}\n`);
  process.exit(1);
}
