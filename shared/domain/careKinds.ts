/*
 * The care work's word lists (关爱帮扶), without zod: screens that only name the kinds (Today's care card)
 * import these and evaluate no schema. `care.ts` builds its schemas on them and exports them again.
 */

/** Who a volunteer is: 村干部, 志愿者, 退休教师, a parent from the village, someone else. */
export const personKinds = ['cadre', 'volunteer', 'retiredTeacher', 'parent', 'other'] as const;
export type PersonKind = (typeof personKinds)[number];

/**
 * What a mentor is to the child: the teacher (结对帮扶教师), a 代理家长, an 爱心妈妈, a volunteer, or a
 * classmate (手拉手 / 一帮一). A teacher pairs as `teacher`, a person as one of the three, a child as `peer`.
 */
export const pairingRoles = ['teacher', 'proxyParent', 'caringMother', 'volunteer', 'peer'] as const;
export type PairingRole = (typeof pairingRoles)[number];
export const personRoles = ['proxyParent', 'caringMother', 'volunteer'] as const;

export const talkTopics = ['study', 'life', 'mood', 'friends', 'health', 'safety', 'family'] as const;
export type TalkTopic = (typeof talkTopics)[number];

export const visitMet = ['guardian', 'parentHome', 'parents', 'other'] as const;
export const visitHow = ['home', 'school', 'phone'] as const;
export const guardianHow = ['phone', 'meeting', 'visit', 'message'] as const;
export const meetingKinds = ['meeting', 'school', 'training'] as const;
export const attentionReasons = ['mood', 'behaviour', 'learning', 'safety', 'health', 'family'] as const;
export type AttentionReason = (typeof attentionReasons)[number];
export const noteKinds = ['progress', 'counselling'] as const;
export type NoteKind = (typeof noteKinds)[number];
export const supportKinds = ['money', 'school', 'clothes', 'food', 'other'] as const;
export const supportSources = ['government', 'company', 'volunteer', 'school', 'other'] as const;
/** What the teacher is picking children for (三个优先). */
export const priorityPurposes = ['support', 'tutoring', 'activity'] as const;

/** What can be due: a talk, an 爱心妈妈's week, a follow-up, a home visit, a guardian contact, a plan review. */
export const dueKinds = ['talk', 'caringMother', 'followUp', 'visit', 'guardian', 'review'] as const;
export type DueKind = (typeof dueKinds)[number];
