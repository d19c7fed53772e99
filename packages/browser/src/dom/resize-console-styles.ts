/**
 * The stylesheet of `<ecs-resize-console>`'s shadow root. Every colour, the radius, the font
 * and the list height come from a custom property with a default, so a page themes the element
 * without `::part`; the parts allow the rest. The two pickers side by side where 40rem fit, else one
 * column; long names wrap, so nothing scrolls sideways.
 */
export const RESIZE_CONSOLE_STYLES = `
:host{--a:var(--ecs-resize-accent,#0b5cad);--ok:var(--ecs-resize-ok,#176b3a);--warn:var(--ecs-resize-warn,#8a5300);--bad:var(--ecs-resize-danger,#b3261e);--fg:var(--ecs-resize-fg,#1c2430);--bg:var(--ecs-resize-bg,#fff);--mute:var(--ecs-resize-muted,#56606e);--line:var(--ecs-resize-border,#c8d0da);--r:var(--ecs-resize-radius,8px);display:block;color:var(--fg);background:var(--bg);font:var(--ecs-resize-font,inherit);overflow-wrap:anywhere;box-sizing:border-box}
*,*::before,*::after{box-sizing:inherit}
[hidden]{display:none!important}
[part~=grid]{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(min(100%,20rem),1fr))}
fieldset{border:1px solid var(--line);border-radius:var(--r);margin:0;padding:.5rem .75rem .75rem;min-width:0}
legend{font-weight:600;padding:0 .25rem}
input[type=search]{font:inherit;flex:1;min-width:0;padding:.4rem .5rem;border:1px solid var(--line);border-radius:calc(var(--r)/2);color:inherit;background:var(--bg)}
[part~=list]{list-style:none;margin:0;padding:0;max-height:var(--ecs-resize-list-height,18rem);overflow:auto}
[part~=choice]{border-radius:calc(var(--r)/2);padding:.35rem .25rem}
[part~=choice]:has(:checked){background:color-mix(in srgb,var(--a) 12%,transparent)}
[part~=choice-label]{display:flex;gap:.5rem;align-items:flex-start;cursor:pointer}
[part~=choice-text]{flex:1;min-width:0;display:flex;flex-direction:column}
[part~=choice-name]{font-weight:600}
[part~=choice-detail],[part~=note],[part~=reason]{color:var(--mute);font-size:.875em}
[part~=reason]{margin:.15rem 0 0 1.6rem;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden}
[part~=filter-label]{display:flex;gap:.5rem;align-items:center;margin:.25rem 0 .5rem;white-space:nowrap}
[part~=verdict]{font-size:.75em;font-weight:600;border-radius:1em;padding:.1em .6em;border:1px solid;white-space:nowrap}
[data-verdict=ok] [part~=verdict]{color:var(--ok)}
[data-verdict=warn] [part~=verdict]{color:var(--warn)}
[data-verdict=blocked] [part~=verdict]{color:var(--bad)}
[part~=note]{margin:.5rem 0 0}
[part~=note]:empty{display:none}
[part~=check]{margin-top:1rem;border-top:1px solid var(--line)}
.ecs-resize-report[data-ok=false] .ecs-resize-summary{color:var(--bad);font-weight:600}
.ecs-resize-report[data-ok=true] .ecs-resize-summary{color:var(--ok);font-weight:600}
.ecs-resize-report ul{padding-left:1.2rem}
.ecs-resize-finding{margin:.25rem 0}
[data-severity=error] .ecs-resize-severity{color:var(--bad)}
[data-severity=warn] .ecs-resize-severity{color:var(--warn)}
a{color:var(--a)}
[part~=confirmations] label,[part~=option]{display:flex;gap:.5rem;align-items:flex-start;margin:.25rem 0}
[part~=option]{margin-top:1rem}
[part~=actions]{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0 .5rem}
button{font:inherit;padding:.5rem 1rem;border-radius:var(--r);border:1px solid var(--a);color:var(--a);background:var(--bg);cursor:pointer}
[part~=resize-button]{background:var(--a);color:var(--bg);font-weight:600}
button:disabled{opacity:.45;cursor:not-allowed}
:focus-visible{outline:3px solid var(--a);outline-offset:2px}
input:focus-visible{outline-offset:1px}
[part~=status]{min-height:1.5em;margin:.25rem 0}
[part~=status][data-outcome=success]{color:var(--ok);font-weight:600}
[part~=error]{color:var(--bad);font-weight:600;border-left:4px solid var(--bad);padding-left:.5rem}
[part~=error]:empty{display:none}
`;
