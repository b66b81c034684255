// Preload (node --import) that unplugs the network: every way a Node program reaches
// another machine throws, and says so on stderr, so that a build that tried is seen
// even where the error was caught. Loaded into worker threads too (execArgv is inherited).
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

const MARK = 'NETWORK ATTEMPT';
const deny = (what) =>
  function denied() {
    const err = new Error(`${MARK}: ${what}`);
    process.stderr.write(`${err.message}\n`);
    throw err;
  };

net.Socket.prototype.connect = deny('net.Socket#connect');
net.connect = deny('net.connect');
net.createConnection = deny('net.createConnection');
tls.connect = deny('tls.connect');
http.request = deny('http.request');
http.get = deny('http.get');
https.request = deny('https.request');
https.get = deny('https.get');
http2.connect = deny('http2.connect');
dgram.createSocket = deny('dgram.createSocket');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'reverse']) {
  dns[name] = deny(`dns.${name}`);
  if (dns.promises[name]) dns.promises[name] = deny(`dns.promises.${name}`);
}
dns.Resolver.prototype.resolve = deny('dns.Resolver#resolve');
globalThis.fetch = deny('fetch');
if (globalThis.WebSocket) globalThis.WebSocket = deny('WebSocket');
