# ok: parse-error
db_name = "impulse_db"
# ruleid: parse-error col 22
db_user "impulse_app"
