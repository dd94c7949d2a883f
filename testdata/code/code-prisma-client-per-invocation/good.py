from prisma import Prisma

# ok: code-prisma-client-per-invocation
db = Prisma()


async def lambda_handler(event, context):
    if not db.is_connected():
        await db.connect()
    return await db.user.find_many()
