import { expect, it } from 'vitest';
import { cardActionsFor } from './primary-action';

it('leads with Insert on messaging and chat, with Copy on voice, callback, email and unknown channels', () => {
  expect(cardActionsFor('message')).toEqual({ primary: 'insert', canInsert: true });
  expect(cardActionsFor('chat')).toEqual({ primary: 'insert', canInsert: true });
  expect(cardActionsFor('email')).toEqual({ primary: 'copy', canInsert: true });
  expect(cardActionsFor('voice')).toEqual({ primary: 'copy', canInsert: false });
  expect(cardActionsFor('callback')).toEqual({ primary: 'copy', canInsert: false });
  expect(cardActionsFor('unknown')).toEqual({ primary: 'copy', canInsert: true });
  expect(cardActionsFor(null)).toEqual({ primary: 'copy', canInsert: true });
});
