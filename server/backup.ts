import { loadConfig } from './config';
import { backupDatabase } from './db/backup';

// `npm run backup -- <dest-file>`: an online backup of DATABASE_PATH (the running server may keep writing).
const destination = process.argv[2];
if (!destination) {
  console.error('Usage: npm run backup -- <destination-file>   (reads DATABASE_PATH, default ./data/kaskade.db)');
  process.exit(2);
}
try {
  const { databasePath } = loadConfig();
  const result = await backupDatabase(databasePath, destination);
  console.log(`Backed up ${databasePath} to ${result.destination} (${result.pages} pages, integrity ok).`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
