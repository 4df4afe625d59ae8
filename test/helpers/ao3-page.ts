// Writes a generated story as AO3's "Entire Work" page with the site around it (otwarchive's
// works/show and chapters/_chapter), for property tests and large-page tests.

import type {Story} from './writers.ts';

const escapeHtml = (text: string) =>
	text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const siteHeader = `<ul id="skiplinks"><li><a href="#main">Main Content</a></li></ul>
<header id="header" class="region"><h1 class="heading"><a href="/"><span>Archive of Our Own</span><img alt="Archive of Our Own" class="logo" src="/images/ao3_logos/logo_42.png" /></a></h1>
<div id="login" class="dropdown"><p class="user actions"><a id="login-dropdown" href="/users/login">Log In</a></p>
<div id="small_login" class="simple login"><form action="/users/login" method="post"><dl><dt><label>Username or email:</label></dt><dd><input type="text" /></dd><dt><label>Password:</label></dt><dd><input type="password" /></dd></dl></form></div></div>
<nav aria-label="Site"><ul class="primary navigation actions"><li class="dropdown"><a href="/menu/fandoms">Fandoms</a><ul class="menu"><li><a href="/media">All Fandoms</a></li></ul></li><li class="dropdown"><a href="/menu/browse">Browse</a></li></ul></nav></header>`;

function chapterHtml(chapter: Story['chapters'][number], position: number): string {
	const text = chapter.scenes
		.map((scene) => scene.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n'))
		.join('\n<hr />\n');
	return `<div class="chapter" id="chapter-${position}">
<div class="chapter preface group"><h3 class="title"><a href="/works/777/chapters/${1000 + position}">Chapter ${position}</a>: ${escapeHtml(chapter.title)}</h3>
<div id="notes" class="notes module"><h3 class="heading">Notes:</h3><blockquote class="userstuff"><p>Notes for ${position}.</p></blockquote></div></div>
<div class="userstuff module" role="article"><h3 class="landmark heading" id="work">Chapter Text</h3>
${text}
</div></div>`;
}

export function ao3PageOf(story: Story): string {
	return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8" /><title>${escapeHtml(story.title)} - ${story.author} - Original Work [Archive of Our Own]</title></head>
<body class="logged-out"><div id="outer" class="wrapper">${siteHeader}
<div id="inner" class="wrapper"><div id="main" class="works-show region" role="main">
<div class="work"><h3 class="landmark heading">Actions</h3>
<ul class="work navigation actions"><li class="chapter bychapter"><a href="/works/777/chapters/1001">Chapter by Chapter</a></li><li class="comments"><a href="#comments">Comments</a></li><li class="download"><ul class="expandable secondary"><li><a href="/downloads/777/Work.epub">EPUB</a></li></ul></li></ul>
<h3 class="landmark heading">Work Header</h3>
<div class="wrapper"><dl class="work meta group">
<dt class="rating tags">Rating:</dt><dd class="rating tags"><ul class="commas"><li><a class="tag" href="/tags/General%20Audiences/works">General Audiences</a></li></ul></dd>
<dt class="fandom tags">Fandom:</dt><dd class="fandom tags"><ul class="commas"><li><a class="tag" href="/tags/Original%20Work/works">Original Work</a></li></ul></dd>
<dt class="stats">Stats:</dt><dd class="stats"><dl class="stats"><dt class="published">Published:</dt><dd class="published">2020-01-01</dd><dt class="chapters">Chapters:</dt><dd class="chapters">${story.chapters.length}/${story.chapters.length}</dd><dt class="kudos">Kudos:</dt><dd class="kudos">12</dd></dl></dd>
</dl></div>
<div id="work-skin" class="wrapper"><style type="text/css">#workskin .x { color: red; }</style><div id="workskin">
<div class="preface group"><h2 class="title heading">${escapeHtml(story.title)}</h2><h3 class="byline heading"><a rel="author" href="/users/${story.author}/pseuds/${story.author}">${story.author}</a></h3>
<div class="summary module"><h3 class="heading">Summary:</h3><blockquote class="userstuff"><p>A generated work.</p></blockquote></div></div>
<div id="chapters" role="article">
${story.chapters.map((chapter, index) => chapterHtml(chapter, index + 1)).join('\n')}
</div>
<div class="afterword preface group"><div id="work_endnotes" class="end notes module"><h3 class="heading">Notes:</h3><blockquote class="userstuff"><p>The end.</p></blockquote></div></div>
</div></div></div>
<div id="feedback" class="feedback"><h3 class="landmark heading">Actions</h3><ul class="actions"><li><a href="#main">↑ Top</a></li></ul>
<h3 class="landmark heading">Kudos</h3><div id="kudos"><p class="kudos"><a href="/users/reader">reader</a> left kudos on this work!</p></div>
<h3 class="landmark heading"><a id="comments">Comments</a></h3><div class="post comment"><form><fieldset><legend>Post Comment</legend><dl><dt>Guest name</dt><dd><input type="text" /></dd></dl><p class="footnote">Plain text with limited HTML</p></fieldset></form></div></div>
</div></div>
<div id="footer" role="contentinfo" class="region"><h3 class="landmark heading">Footer</h3><ul class="navigation actions"><li class="module group"><h4 class="heading">About the Archive</h4><ul class="menu"><li><a href="/site_map">Site Map</a></li></ul></li></ul></div>
</div></body></html>`;
}
