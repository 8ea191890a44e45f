import { measureChatServer } from '/work/main/bench/chat-server';

const store = (process.argv[2] ?? 'embedded') as never;
const result = await measureChatServer(store, (line) => console.log(line));
console.log(JSON.stringify(result.sustained));
