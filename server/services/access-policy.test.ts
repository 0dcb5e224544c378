import { describe, expect, it } from 'vitest';
import { deviceAllows, deviceMay, roleAllows, strongest } from './access-policy';

describe('roles and capabilities', () => {
  it('orders the roles viewer < member < facilitator < admin', () => {
    expect(roleAllows('viewer', 'read')).toBe(true);
    expect(roleAllows('viewer', 'write')).toBe(false);
    expect(roleAllows('member', 'write')).toBe(true);
    expect(roleAllows('member', 'facilitate')).toBe(false);
    expect(roleAllows('facilitator', 'facilitate')).toBe(true);
    expect(roleAllows('facilitator', 'administer')).toBe(false);
    expect(roleAllows('admin', 'administer')).toBe(true);
    expect(roleAllows(null, 'read')).toBe(false);
  });

  it('takes the strongest role along the path', () => {
    expect(strongest(['viewer', 'facilitator', 'member'])).toBe('facilitator');
    expect(strongest([])).toBeNull();
  });

  it('lets a wall screen read, and write only in touch mode', () => {
    expect(deviceAllows('read', 'read')).toBe(true);
    expect(deviceAllows('read', 'write')).toBe(false);
    expect(deviceAllows('touch', 'write')).toBe(true);
    expect(deviceAllows('touch', 'facilitate')).toBe(false);
    expect(deviceAllows('touch', 'administer')).toBe(false);
  });
});

describe('wall screens, on either door', () => {
  it('read; a touch screen also sends card commands; nothing else, neither as a command nor as a REST capability', () => {
    expect(deviceMay('read', 'read')).toBe(true);
    expect(deviceMay('read', 'card:move')).toBe(false);
    expect(deviceMay('touch', 'card:move')).toBe(true);
    expect(deviceMay('touch', 'card:undo')).toBe(true);
    expect(deviceMay('touch', 'measurement:record')).toBe(false);
    expect(deviceMay('touch', 'meeting:start')).toBe(false);
    expect(deviceMay('touch', 'write')).toBe(false);
    expect(deviceMay('touch', 'administer')).toBe(false);
  });
});
