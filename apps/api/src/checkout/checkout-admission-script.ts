/** Queue scores are `tier rank × band + arrival number`: every loyal request sorts before every returning one, and so on. */
export const PRIORITY_BAND = 1_000_000_000_000_000

/**
 * One admission attempt, atomic across API instances, on the Redis clock so every instance agrees.
 *
 * KEYS: 1 in-flight slots (member = ticket, score = expiry ms), 2 the queue (member = ticket,
 * score = rank × band + arrival number), 3 queue deadlines (member = ticket, score = deadline ms),
 * 4 the arrival counter (strict arrival order, even within one millisecond; it lapses only once
 * every queued request's deadline has passed), 5 the average time a slot is held (ms).
 * ARGV: 1 ticket, 2 'enter' | 'wait', 3 tier rank, 4 tier limit, 5 tier queue length, 6 hold ms,
 * 7 max wait ms.
 *
 * Expired slots (a crashed instance's) and expired waiters are dropped first. A request is admitted
 * when the slots its tier may still fill outnumber the requests queued ahead of it (all of higher or
 * equal priority, so admitting it never takes a slot one of them could use). Otherwise an entering
 * request queues if its tier's queue has room and its expected wait — (ahead + 1) turns of its
 * tier's slots, at the average hold time — is within the bound. Returns {1} admitted,
 * {0, ahead} waiting, {-1} shed (queue full or the wait would be too long), {-2} no longer queued
 * (its wait ran out).
 */
export const ADMISSION_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local band = ${String(PRIORITY_BAND)}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local expired = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now)
for _, member in ipairs(expired) do
  redis.call('ZREM', KEYS[2], member)
  redis.call('ZREM', KEYS[3], member)
end

local id = ARGV[1]
local entering = ARGV[2] == 'enter'
local rank = tonumber(ARGV[3])
local holdMs = tonumber(ARGV[6])
local maxWaitMs = tonumber(ARGV[7])
local ahead, score
if entering then
  score = string.format('%.0f', rank * band + redis.call('INCR', KEYS[4]))
  redis.call('PEXPIRE', KEYS[4], 2 * maxWaitMs + 1000)
  ahead = redis.call('ZCOUNT', KEYS[2], '-inf', '(' .. score)
else
  ahead = redis.call('ZRANK', KEYS[2], id)
  if not ahead then return {-2, 0} end
end

local free = tonumber(ARGV[4]) - redis.call('ZCARD', KEYS[1])
if ahead < free then
  redis.call('ZREM', KEYS[2], id)
  redis.call('ZREM', KEYS[3], id)
  redis.call('ZADD', KEYS[1], now + holdMs, id)
  redis.call('PEXPIRE', KEYS[1], holdMs)
  return {1, 0}
end
if not entering then return {0, ahead} end

local low = rank * band
local queued = redis.call('ZCOUNT', KEYS[2], string.format('%.0f', low), '(' .. string.format('%.0f', low + band))
if queued >= tonumber(ARGV[5]) or maxWaitMs <= 0 then return {-1, queued} end
local averageHold = tonumber(redis.call('GET', KEYS[5]) or '')
if averageHold and (ahead + 1) * averageHold / tonumber(ARGV[4]) > maxWaitMs then
  return {-1, queued}
end
redis.call('ZADD', KEYS[2], score, id)
redis.call('ZADD', KEYS[3], now + maxWaitMs, id)
redis.call('PEXPIRE', KEYS[2], maxWaitMs)
redis.call('PEXPIRE', KEYS[3], maxWaitMs)
return {0, ahead}
`

/**
 * Frees a slot and folds how long it was held into the average (weight 1/5 for the newest), which
 * an entering request's expected wait is computed from. KEYS: 1 in-flight slots, 2 the average.
 * ARGV: 1 ticket, 2 hold ms (the slot's expiry minus this is when it was taken).
 */
export const RELEASE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local expiry = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not expiry then return 0 end
redis.call('ZREM', KEYS[1], ARGV[1])
local held = now - (tonumber(expiry) - tonumber(ARGV[2]))
local average = tonumber(redis.call('GET', KEYS[2]) or '')
if average then average = 0.8 * average + 0.2 * held else average = held end
redis.call('SET', KEYS[2], string.format('%.0f', average), 'PX', 600000)
return 1
`
