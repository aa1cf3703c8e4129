import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
for (const d of [200, 500, 1000, 2000, 5000, 10000]) {
  const html = '<html><body>' + '<div>'.repeat(d) + '<p>' + 'Some text here. '.repeat(50) + '</p>' + '</div>'.repeat(d) + '</body></html>';
  let stage = 'parse';
  try {
    const { document } = parseHTML(html);
    stage = 'clone'; document.body.cloneNode(true);
    stage = 'text'; document.body.textContent;
    stage = 'readability';
    const r = new Readability(document, { serializer: (e) => e }).parse();
    stage = 'inner'; (r?.content as any)?.innerHTML;
    console.log(d, 'ok', r?.textContent?.length);
  } catch (e) { console.log(d, 'fail at', stage, String(e).slice(0, 80)); }
}
