-- AlterTable
ALTER TABLE "email_messages" ALTER COLUMN "text" DROP NOT NULL;
