# Where our gateway's CPU goes, from a flight recording of a bench run (see README.md, "CPU profile"):
#   jfr print --stack-depth 80 --events jdk.ExecutionSample rec.jfr > samples.txt && python3 jfr-breakdown.py samples.txt
# Each sample counts for the innermost frame that belongs to a known library or gateway class (JDK frames such as
# HashMap.get count for their caller), so the shares add up to 100 %.
import sys, re, collections
text = open(sys.argv[1]).read()
events = text.split('jdk.ExecutionSample {')[1:]
buckets = [
 ('Jackson', r'^com\.fasterxml\.jackson'),
 ('JDK HttpClient', r'^jdk\.internal\.net\.http|^java\.net\.http'),
 ('Netty/Vert.x', r'^io\.netty|^io\.vertx'),
 ('RESTEasy/Quarkus HTTP', r'^org\.jboss\.resteasy|^io\.quarkus\.vertx\.http|^io\.quarkus\.resteasy'),
 ('OpenTelemetry', r'^io\.opentelemetry|^io\.quarkus\.opentelemetry'),
 ('Micrometer', r'^io\.micrometer\.(?!core\.instrument\.internal\.Timed)|^io\.quarkus\.micrometer'),
 ('ArC/Quarkus other', r'^io\.quarkus|^io\.smallrye'),
 ('request-logging', r'^gov\.planning\.logging'),
 ('graphql-java', r'^graphql\.'),
 ('ResponseShaper', r'ResponseShaper'),
 ('PlanExecutor', r'PlanExecutor'),
 ('SubgraphClient', r'SubgraphClient'),
 ('GatewayExecutor/planning', r'gov\.planning\.gateway'),
 ('thread hand-off (park/unpark, executors)', r'LockSupport|ForkJoin|ThreadPoolExecutor|LinkedBlockingQueue|jboss\.threads|CompletableFuture'),
 ('JFR', r'^jdk\.jfr'),
]
c = collections.Counter(); n = 0; th = collections.Counter()
for e in events:
    frames = [re.sub(r'\(.*', '', f.strip()) for f in e.split('stackTrace = [')[1].split('\n')[1:] if f.strip() and f.strip() not in (']', '...', '}')]
    if not frames: continue
    n += 1
    b = 'other (JDK)'
    for f in frames:
        hit = next((name for name, rx in buckets if re.search(rx, f)), None)
        if hit: b = hit; break
    c[b] += 1
print('samples', n)
for k, v in c.most_common(): print(f'{v*100/n:5.1f}% {k}')
