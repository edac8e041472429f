// The Local API on the transaction path (DATABASE_URI): concurrent creates, a transaction rolled back and one
// committed, a relationship query, drafts. Prints what it saw as one JSON line for the test to judge.
import { getPayload } from 'payload';
import config from './payload.config.js';

const CONCURRENT = Number(process.env.CONCURRENT_CREATES ?? 50);
const payload = await getPayload({ config });

const news = await payload.create({ collection: 'categories', data: { title: 'News' } });
const created = await Promise.all(
  Array.from({ length: CONCURRENT }, (_, i) =>
    payload.create({
      collection: 'posts',
      data: { title: `post ${i}`, category: news.id, _status: 'published' },
    }),
  ),
);

async function inTransaction(title, commit) {
  const transactionID = await payload.db.beginTransaction();
  await payload.create({ collection: 'categories', data: { title }, req: { transactionID } });
  await (commit
    ? payload.db.commitTransaction(transactionID)
    : payload.db.rollbackTransaction(transactionID));
}
await inTransaction('committed', true);
await inTransaction('rolled back', false);
const categories = await payload.find({ collection: 'categories', limit: 0, sort: 'title' });

const inNews = await payload.find({
  collection: 'posts',
  where: { 'category.title': { equals: 'News' } },
  depth: 1,
  limit: 1,
});

await payload.create({ collection: 'posts', draft: true, data: { title: 'unfinished', _status: 'draft' } });
// A draft-only document lives in the collection's own table (with _status 'draft'): a query that does not filter on
// _status finds it; only the filter (what public access control or a direct reader must add) hides it.
const unfiltered = await payload.find({ collection: 'posts', where: { title: { equals: 'unfinished' } } });
const publishedOnly = await payload.find({
  collection: 'posts',
  where: { title: { equals: 'unfinished' }, _status: { equals: 'published' } },
});

// A newer draft of a published document goes to the versions table only: its own row keeps the published title.
const stable = await payload.create({ collection: 'posts', data: { title: 'stable', _status: 'published' } });
await payload.update({ collection: 'posts', id: stable.id, draft: true, data: { title: 'stable, edited' } });
const row = await payload.findByID({ collection: 'posts', id: stable.id });
const latest = await payload.findByID({ collection: 'posts', id: stable.id, draft: true });

console.log(
  JSON.stringify({
    created: new Set(created.map((p) => p.id)).size,
    categories: categories.docs.map((c) => c.title),
    newsPosts: inNews.totalDocs,
    populatedCategory: inNews.docs[0]?.category?.title,
    draftUnfiltered: unfiltered.totalDocs,
    draftPublishedOnly: publishedOnly.totalDocs,
    publishedAfterDraftEdit: row.title,
    latestDraft: latest.title,
  }),
);
process.exit(0);
