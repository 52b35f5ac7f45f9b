-- 006: the knowledge base operators read answers from (sqlite).

create table knowledge_articles (
    id integer primary key autoincrement,
    title text not null,
    category_id integer references categories(id),
    content text not null,
    keywords text not null,
    active integer not null,
    updated_at integer not null,
    updated_by text not null
);

create index ix_knowledge_articles_category_id on knowledge_articles (category_id);
