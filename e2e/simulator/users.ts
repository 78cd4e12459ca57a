/** The people who can sign in to the simulator, and the organisation they belong to. */

export interface SimulatorSkill {
  id: string;
  name: string;
  proficiency: number;
  state: 'active';
}

export interface SimulatorUser {
  id: string;
  name: string;
  email: string;
  /** `login_hint` value on /oauth/authorize that signs in as this user. */
  loginHint: string;
  title: string;
  skills: SimulatorSkill[];
  /** Role names and the permissions they grant (`GET /api/v2/users/me?expand=authorization`). */
  roles: string[];
  permissions: string[];
}

export const ORGANIZATION = { id: 'b5c1f0e2-7a3d-4c8e-9f1a-0d2e3c4b5a69', name: 'Simulated Contact Centre' } as const;

/** The scopes a token from the simulator carries (what a real PKCE client for this extension asks for). */
export const AUTHORIZED_SCOPE = ['conversations', 'knowledge', 'user-basic-info', 'notifications'] as const;

export const AGENT: SimulatorUser = {
  id: '7d3b8c1a-4f5e-4a9b-9c2d-1e2f3a4b5c6d',
  name: 'Alex Agent',
  email: 'alex.agent@example.com',
  loginHint: 'agent',
  title: 'Customer Service Agent',
  skills: [
    { id: '0a4e7c2b-1d3f-4b5a-8c6d-9e0f1a2b3c01', name: 'Billing', proficiency: 4, state: 'active' },
    { id: '0a4e7c2b-1d3f-4b5a-8c6d-9e0f1a2b3c02', name: 'Mobile Devices', proficiency: 4, state: 'active' },
    { id: '0a4e7c2b-1d3f-4b5a-8c6d-9e0f1a2b3c03', name: 'Returns', proficiency: 4, state: 'active' },
  ],
  roles: ['employee', 'Agent'],
  // What the default Agent role grants for this extension: their own conversation details only.
  permissions: ['analytics:agentConversationDetail:view', 'conversation:suggestion:view', 'conversation:suggestionEngagement:add', 'knowledge:knowledgebase:search'],
};

export const SUPERVISOR: SimulatorUser = {
  id: '2c9e6a4d-8b1f-4e3a-a7d5-6f0b9c8e1a2b',
  name: 'Sam Supervisor',
  email: 'sam.supervisor@example.com',
  loginHint: 'supervisor',
  title: 'Contact Centre Supervisor',
  skills: [{ id: '0a4e7c2b-1d3f-4b5a-8c6d-9e0f1a2b3c04', name: 'Escalations', proficiency: 5, state: 'active' }],
  roles: ['employee', 'Supervisor'],
  // A wildcard grant, as Genesys roles can have: covers analytics:conversationDetail:view.
  permissions: ['analytics:*:view', 'analytics:conversationAggregate:view', 'conversation:suggestion:view', 'knowledge:knowledgebase:search'],
};

export const USERS: readonly SimulatorUser[] = [AGENT, SUPERVISOR];

export function findUser(id: string): SimulatorUser | undefined {
  return USERS.find((user) => user.id === id);
}

/** The user a `login_hint` names; the agent when there is no hint or it names nobody. */
export function userForLoginHint(hint: string | null | undefined): SimulatorUser {
  return USERS.find((user) => user.loginHint === hint) ?? AGENT;
}

/**
 * GET /api/v2/users/me: the shape Genesys returns, kept small; skills only with `expand=skills`,
 * `authorization` ({roles, permissions}, as the SDK's UserAuthorization) only with `expand=authorization`.
 */
export function userMeBody(user: SimulatorUser, withSkills: boolean, withAuthorization = false): Record<string, unknown> {
  const body: Record<string, unknown> = {
    id: user.id,
    name: user.name,
    email: user.email,
    username: user.email,
    title: user.title,
    state: 'active',
    selfUri: `/api/v2/users/${user.id}`,
  };
  if (withSkills) body.skills = user.skills.map((skill) => ({ ...skill, selfUri: `/api/v2/routing/skills/${skill.id}` }));
  if (withAuthorization) {
    body.authorization = { roles: user.roles.map((name) => ({ id: `role-${name.toLowerCase()}`, name })), unusedRoles: [], permissions: [...user.permissions] };
  }
  return body;
}
