from prisma import Prisma


async def lambda_handler(event, context):
    # ruleid: code-prisma-client-per-invocation col 10
    db = Prisma()
    await db.connect()
    users = await db.user.find_many()
    # ruleid: code-prisma-client-per-invocation col 11
    await db.disconnect()
    return users
