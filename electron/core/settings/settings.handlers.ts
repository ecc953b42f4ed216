import type { HandlerTable } from '../context.js';
import { viewOf } from '../sessions.js';
import type { SettingsService } from './settings.service.js';
import type { AuditRepo } from '../audit/audit.repo.js';

export function settingsHandlers(
  settings: SettingsService,
  audit: AuditRepo,
): HandlerTable<
  | 'app.info'
  | 'session.get'
  | 'app.setLanguage'
  | 'settings.get'
  | 'settings.update'
  | 'terms.list'
  | 'terms.add'
  | 'terms.update'
  | 'terms.remove'
  | 'audit.list'
> {
  return {
    'app.info': (_input, ctx) => settings.info(ctx.now),
    'session.get': (_input, ctx) => viewOf(ctx.session),
    'app.setLanguage': ({ language }, ctx) => {
      settings.setLanguage(language, ctx);
      return settings.info(ctx.now);
    },
    'settings.get': () => settings.read(),
    'settings.update': (input, ctx) => settings.update(input, ctx),
    'terms.list': () => settings.terms(),
    'terms.add': (input, ctx) => settings.addTerm(input, ctx),
    'terms.update': ({ id, ...t }, ctx) => settings.updateTerm(id, t, ctx),
    'terms.remove': ({ id }, ctx) => {
      settings.removeTerm(id, ctx);
      return { ok: true as const };
    },
    'audit.list': ({ limit }) => audit.recent(limit),
  };
}
