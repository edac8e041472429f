// The test application's collections: a relationship, and drafts with versions.
export const collections = [
  { slug: 'categories', fields: [{ name: 'title', type: 'text', required: true }] },
  {
    slug: 'posts',
    versions: { drafts: true },
    fields: [
      { name: 'title', type: 'text', required: true },
      { name: 'category', type: 'relationship', relationTo: 'categories' },
    ],
  },
];
