import { describe, expect, it } from 'vitest';
import { storeAddress } from './store-address';

describe('storeAddress', () => {
  it('uses the default ports when the URL has none, as mysql2 and ioredis do', () => {
    expect(storeAddress('mysql://root@localhost')).toMatchObject({ host: 'localhost', port: 3306 });
    expect(storeAddress('redis://127.0.0.1/0')).toMatchObject({ host: '127.0.0.1', port: 6379 });
    expect(storeAddress('redis://:pw@127.0.0.1:6380/0').port).toBe(6380);
  });

  it('tells this machine from others, whatever the case or brackets', () => {
    expect(storeAddress('mysql://root@LocalHost:3307')).toMatchObject({
      host: 'localhost',
      bindHost: '127.0.0.1',
      loopback: true,
    });
    expect(storeAddress('redis://[::1]:6380')).toMatchObject({ host: '::1', loopback: true });
    expect(storeAddress('mysql://root@127.0.0.2').loopback).toBe(true);
    expect(storeAddress('mysql://root@127.evil.example').loopback).toBe(false);
    expect(storeAddress('redis://db.example.com').loopback).toBe(false);
  });
});
